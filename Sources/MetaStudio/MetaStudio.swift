// MetaStudio module.
