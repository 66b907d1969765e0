"""The seed article and its curated annotations: data files and the code that reads them."""
