"""Service-desk application for an after-sales service center (售后服务部)."""

__version__ = "0.1.0"
