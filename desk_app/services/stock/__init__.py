"""Parts stock (配件): catalogue and locations, the ledger, requisitions, damaged parts,
stocktake, low-stock reports.
"""
