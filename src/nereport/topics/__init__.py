"""The sections of each report: functions of a report Context that return charts and prose."""
