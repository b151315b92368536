"""Saves and imports in a loop, printing each change once it is committed (for crash tests)."""

from __future__ import annotations

import sys
import uuid
from datetime import date
from pathlib import Path

from reviewtool.bundle.read import parse_bundle_bytes
from reviewtool.services.exchange.bundle_import import import_bundles, known_codes
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.store import open_store
from tests.bundle_samples import dumps, valid_bundle, valid_review


def main() -> None:
    database, review_ref = sys.argv[1], sys.argv[2]
    store = open_store(database, backup_dir=Path(database).parent / "backups")
    codes = known_codes(store)
    counter = 0
    while True:
        counter += 1
        loaded = get_review(store, review_ref)
        base = int((loaded.record.summary or "0").split()[0])
        record = loaded.record.model_copy(update={"summary": f"{base + 1} saves"})
        save_review(store, record, loaded.version, today=date(2026, 11, 21))
        print(f"SAVED {base + 1}", flush=True)
        if counter % 3 == 0:
            review_id = str(uuid.uuid4())
            review = valid_review(
                id=review_id,
                reference=f"CRASH-{counter}",
                recommendations=[],
                identifiers=[],
                briefing=None,
            )
            bundle = parse_bundle_bytes(
                dumps(valid_bundle(reviews=[review], briefings=[])), codes, date(2026, 11, 21)
            )
            import_bundles(store, [bundle])
            print(f"IMPORTED {review_id}", flush=True)


if __name__ == "__main__":
    main()
