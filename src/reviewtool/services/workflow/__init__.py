"""The statutory workflow: agency contributions, panel meetings, the rapid review report's
content, a local review's milestones and pauses. One function per user action."""
