// MetaStudioEmulator module.
