"""The follow-up queue and the call panel."""
