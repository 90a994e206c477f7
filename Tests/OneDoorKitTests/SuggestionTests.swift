@testable import OneDoorKit
import Testing

@Suite struct SuggestionTests {
    @Test func findsTheClosestNameForATypo() {
        #expect(Suggestion.closest(to: "network-service", among: ["networks", "network-services"]) == "network-services")
        #expect(Suggestion.closest(to: "tpye", among: ["type", "name"]) == "type")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "colour", among: ["category", "owner"]) == nil)
    }
}
