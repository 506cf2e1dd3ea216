"""Hostile GraphQL documents shared by the rejection tests and the cost-ratio test."""


def doubling_fragments(levels):
    """A fragment chain where each level spreads the next twice: 2**levels fields if expanded."""
    parts = ["query Q { ...F0 }", "fragment F0 on Query { ...F1 ...F1 }"]
    for i in range(1, levels):
        parts.append(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}")
    parts.append(f"fragment F{levels} on Query {{ events {{ items {{ title }} }} }}")
    return "\n".join(parts)
