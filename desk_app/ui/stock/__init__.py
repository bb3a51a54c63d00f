"""Parts stock screens (F5): catalogue, locations, movements, requisitions, damaged parts,
stocktake, low stock, the ledger.
"""
