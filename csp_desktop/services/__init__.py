"""The use cases the GUI and the command line both call."""
