"""JAOT: optimization as a service. See DESIGN.md and README.md."""
