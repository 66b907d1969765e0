"""The HTTP layer: thin routes that parse, call one service function, and return a model."""
