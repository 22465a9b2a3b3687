"""Inside the network: the views that draw :mod:`playground.insight` results.

``panel.InsightPanel`` holds them in tabs (boundary with painting, neurons and weights,
results, draw a digit, convolutions, predictions, layer, health) and feeds them from one
training probe; ``canvas_badges`` puts training-health badges on the canvas nodes.
"""
