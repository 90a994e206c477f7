extension Messages {
    static let french: [String: String] = [
        "placeholder": "placeholder",
    ]
}
