"""Short codes for QR links: assigned once, never changed, never reused.

Crockford base32 leaves out I, L, O and U, so a code read aloud or typed from a
printed card cannot be confused (0/O, 1/I/L).
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 6  # 32**6 ≈ 1e9 codes: collisions are rare, and retried


def new_code(length: int = LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise(text: str) -> str:
    """Read a code as a person may type it: case-insensitive, O as 0, I/L as 1."""
    table = str.maketrans({"O": "0", "I": "1", "L": "1"})
    return text.strip().upper().replace("-", "").translate(table)


def is_well_formed(text: str) -> bool:
    return 5 <= len(text) <= 8 and all(ch in ALPHABET for ch in text)
