"""Training in the app: the worker thread controller, the panel and the live curves."""
