"""Use cases: what a clerk, supervisor or administrator can do, headless and permission-checked."""
