"""fazhi: Chinese legal and public-security news to validated Parquet tables."""

__version__ = "0.1.0"
