"""CSP Desktop: an offline risk register and action tracker for Community Safety Partnerships."""

__version__ = "0.1.0"
