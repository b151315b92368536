"""The review editor: one tab per part of a review."""
