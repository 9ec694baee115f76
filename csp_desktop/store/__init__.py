"""The only place SQL lives: the register file, its migrations, audit trail and backups."""
from .errors import ConflictError, NotARegisterError, RegisterBug, RegisterDamaged, RegisterError
from .register import Register

__all__ = ["ConflictError", "NotARegisterError", "Register", "RegisterBug", "RegisterDamaged", "RegisterError"]
