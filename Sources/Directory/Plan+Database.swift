import GRDB

extension Plan: DatabaseValueConvertible {}
