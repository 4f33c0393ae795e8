/// A small well-formed PDF written by hand: the given objects, a cross-reference table with their byte offsets, the
/// trailer and the `startxref` offset, so that no tool is needed to make one.
public enum MinimalPDF {
    /// The PDF's text. `objects` are the bodies of objects 1, 2, … (e.g. `<< /Type /Catalog /Pages 2 0 R >>`).
    public static func text(objects: [String] = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]) -> String {
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj \(body) endobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            out += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        out += "trailer << /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out
    }
}
