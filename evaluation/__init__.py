"""Ground truth for mlpath: labelling guide, personas, sampling tools and the label loader."""
