"""Imports .apkg decks into an Anki collection with the official Anki library and reports what it holds.

Usage: anki_import.py COLLECTION DECK.apkg  (the collection is created when missing)
Prints one JSON object: the import's log counts, the collection's note and card counts, its decks, the notes'
fields and tags by GUID, and the media files present in the collection's media folder.
"""
import json
import os
import sys

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def main() -> None:
    collection_path, package = sys.argv[1], sys.argv[2]
    col = Collection(collection_path)
    try:
        response = col.import_anki_package(
            ImportAnkiPackageRequest(
                package_path=package,
                options=ImportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False),
            )
        )
        log = response.log
        notes = {}
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            notes[note.guid] = {
                "fields": list(note.fields),
                "tags": list(note.tags),
                "notetype": note.note_type()["name"],
                "cards": len(note.cards()),
                "decks": sorted({col.decks.name(card.did) for card in note.cards()}),
            }
        media_dir = col.media.dir()
        report = {
            "new": len(log.new),
            "updated": len(log.updated),
            "duplicate": len(log.duplicate),
            "conflicting": len(log.conflicting),
            "missing_notetype": len(log.missing_notetype),
            "note_count": col.note_count(),
            "card_count": col.card_count(),
            "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
            "notes": notes,
            "media": sorted(os.listdir(media_dir)),
        }
    finally:
        col.close()
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
