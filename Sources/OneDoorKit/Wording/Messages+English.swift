extension Messages {
    static let english: [String: String] = [
        "placeholder": "placeholder",
    ]
}
