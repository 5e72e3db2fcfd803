"""Message catalogue: one module per area of the interface, each with MESSAGES = {key: (id, en)}."""
