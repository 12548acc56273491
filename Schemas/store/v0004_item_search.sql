-- What a text search of an address book (RFC 6352 §8.6 addressbook-query) looks
-- up without reading any card: one row per searched property value of an item,
-- folded by the protocol layer the way it folds the searched text. Kept in its
-- own table so a search never reads item bodies (v0003 put this text in a column
-- after the body, which SQLite stores on the body's overflow pages).
-- Items written before this migration have no rows; searches treat such items
-- as candidates and check them by parsing.
CREATE TABLE item_search (
    item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
    -- The property name, upper-cased (EMAIL, FN, TEL, …).
    name TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX item_search_item ON item_search(item_id);
-- Covers the search: every value of one property, with its item.
CREATE INDEX item_search_name ON item_search(name, value, item_id);

ALTER TABLE item DROP COLUMN search_text;
