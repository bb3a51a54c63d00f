"""Infrastructure every use case goes through: the write runner and Actor, request keys, the
audit trail and change log, the change feed, document numbers, opening the database and `db
check`.
"""
