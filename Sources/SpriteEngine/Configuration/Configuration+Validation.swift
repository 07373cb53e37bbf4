import PixelArt

extension Configuration {
    /// The validator limits from `limits:`: every PNG the server writes, deploys or is asked about meets these.
    package var validationLimits: PNGValidator.Limits {
        var validation = PNGValidator.Limits()
        validation.maxPixels = limits.maxPixels
        validation.maxFileSize = limits.maxFileSize
        validation.maxSize = limits.maxEdge
        return validation
    }
}
