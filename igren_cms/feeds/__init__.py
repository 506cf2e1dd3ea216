"""Event feeds (iCalendar, RSS, Atom, JSON Feed), schema.org JSON-LD and the partner embed."""
