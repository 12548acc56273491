extension VCard {
    /// The card written in `target`, for a client that asks for one version (RFC 6352
    /// §10.4 `address-data` `version`). Per property (``PropertyConverter``):
    ///
    /// - quoted-printable and CHARSET are decoded away (they exist in 2.1 only);
    /// - PHOTO, LOGO, SOUND, KEY: 3.0 `ENCODING=b;TYPE=JPEG` ⇄ 4.0 `data:image/jpeg;base64,`;
    ///   a URI gets 3.0's `VALUE=uri`;
    /// - `TYPE=pref` ⇄ `PREF=1`;
    /// - X-ADDRESSBOOKSERVER-KIND ⇄ KIND (group), X-ADDRESSBOOKSERVER-MEMBER ⇄ MEMBER,
    ///   X-ANNIVERSARY ⇄ ANNIVERSARY;
    /// - BDAY and ANNIVERSARY: `1985-04-15` ⇄ `19850415`, Apple's `1604-04-15` with
    ///   `X-APPLE-OMIT-YEAR=1604` ⇄ `--0415`;
    /// - `TEL;VALUE=uri:tel:…` → 3.0 text; GEO `lat;lon` ⇄ `geo:lat,lon`.
    ///
    /// Per card: 3.0 LABEL ⇄ the 4.0 ADR LABEL parameter (matched by group, else by TYPE);
    /// 3.0 requires N (RFC 2426 §3.1.2), made from FN when missing; FN is made from N, ORG
    /// or EMAIL when missing. Anything else is kept as it is, verbatim text included, and
    /// 3.0 → 4.0 → 3.0 keeps the card's meaning. Converting to the card's own version, or to
    /// 2.1 (which is never written), returns the card unchanged.
    public func converted(to target: VCardVersion) -> VCard {
        guard target != version, target != .v21 else { return self }
        let converter = PropertyConverter(source: version, target: target)
        var converted = properties.map(converter.convert)
        if target == .v4 {
            CardConversion.moveLabelsIntoAddresses(&converted)
        } else {
            CardConversion.moveAddressLabelsOut(&converted)
        }
        // A card that had both spellings (some clients write both) must not say it twice.
        CardConversion.keepFirst(target == .v4 ? "KIND" : "X-ADDRESSBOOKSERVER-KIND", in: &converted)
        CardConversion.removeRepeatedValues(of: target == .v4 ? "MEMBER" : "X-ADDRESSBOOKSERVER-MEMBER", in: &converted)
        CardConversion.ensureFormattedName(&converted)
        if target == .v3 { CardConversion.ensureName(&converted) }
        var card = VCard(version: target, properties: converted)
        card.line = line
        return card
    }
}
