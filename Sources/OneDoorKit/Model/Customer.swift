/// Who tickets come from, as `catalogue.yaml` names them (`customers`): a department, a council. The
/// performance files and notices name customers by id; a catalogue that lists them has every id
/// checked, and its pages give their names.
public struct Customer: Hashable, Sendable {
    public let id: String
    public let name: String
    public let location: SourceLocation
}
