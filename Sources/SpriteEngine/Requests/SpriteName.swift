import BevyAssets

/// Sprite file names and categories: the Bevy asset naming rule, with errors as argument errors.
package enum SpriteName {
    /// Returns `value` when it follows `AssetName`'s rule, else an error naming the field and the bad character.
    package static func validated(_ value: String, field: String) throws(SpriteEngineError) -> String {
        if value.contains("/") || value.contains("\\") || value.contains("..") {
            throw .invalidArgument(
                field: field,
                message: "'\(value.replacingOccurrences(of: "\0", with: "\\0"))' looks like a path; give a bare name "
                    + "of a-z, 0-9, '_' and '-' (no '/', '\\' or '..')"
            )
        }
        do {
            try AssetName.validate(value, field: field)
        } catch {
            throw .invalidArgument(field: field, message: error.description)
        }
        return value
    }

    /// A file name made from a prompt: "Red Knight, idle!" → "red-knight-idle".
    package static func slug(from prompt: String, maxLength: Int = 48) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in prompt.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
            if slug.count >= maxLength { break }
        }
        while slug.hasSuffix("-") || slug.hasSuffix("_") { slug.removeLast() }
        return slug.isEmpty ? "sprite" : slug
    }
}
