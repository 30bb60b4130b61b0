"""DynamoDB single-table storage. The only package that spells table keys."""
