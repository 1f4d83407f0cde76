"""Form editors for the report's metadata and its nodes, built in code."""
