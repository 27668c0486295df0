"""Record models (Pydantic v2) and their Arrow schemas: the contract of fazhi's tables."""
