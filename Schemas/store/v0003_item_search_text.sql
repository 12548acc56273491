-- Text a substring search narrows on before it parses items: for contacts, the
-- values of every text property of the vCard (RFC 6352 §8.6 addressbook-query),
-- case-folded by the protocol layer, which folds the searched text the same way.
-- NULL for items that have none; such items are never pre-filtered out by it.
ALTER TABLE item ADD COLUMN search_text TEXT;
