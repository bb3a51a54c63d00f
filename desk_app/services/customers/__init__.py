"""Customers: records and appliances, the search box, the customer's timeline and known-fix
suggestions, merging duplicates.
"""
