// MediaProbe module.
