"""Enterprise matching: a company profile against the plan's directions and measures."""
