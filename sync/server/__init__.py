"""The province server: FastAPI + SQLAlchemy Core, installed with the `server` extra; never imported by desktop."""
