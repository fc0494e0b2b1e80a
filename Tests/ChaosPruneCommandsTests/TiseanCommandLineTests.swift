import Foundation
import Testing
import TestSupport
import ChaosPruneCommands
import LyapunovKit

@Suite("TISEAN command line")
struct TiseanCommandLineTests {
    @Test("values may be attached or separate tokens")
    func attachedAndSeparateValues() throws {
        let parsed = try TiseanCommandLine.parse(["-m3", "-d", "2", "-s", "8", "-r0.5", "-V", "0", "data.dat"])
        #expect(parsed.options.parameters.dimension == 3)
        #expect(parsed.options.parameters.delay == 2)
        #expect(parsed.options.parameters.steps == 8)
        #expect(parsed.options.parameters.initialEpsilon == .dataUnits(0.5))
        #expect(parsed.options.verbosity == 0)
        #expect(parsed.options.candidates == ["data.dat"])
    }

    @Test("the last occurrence of an option wins")
    func lastOccurrenceWins() throws {
        let parsed = try TiseanCommandLine.parse(["-m4", "-c2", "-m2"])
        #expect(parsed.options.parameters.dimension == 2)
        #expect(parsed.options.column == 2)
    }

    @Test("defaults are TISEAN's")
    func defaults() throws {
        let options = try TiseanCommandLine.parse([]).options
        #expect(options.parameters == LyapunovParameters(dimension: 2, delay: 1, theilerWindow: 0, steps: 10))
        #expect(options.verbosity == 0xff)
        #expect(options.outputName == nil)
        #expect(options.length == nil)
    }

    @Test("-o followed by a dash token takes no name and warns; the dash stays a data token")
    func outputWithoutName() throws {
        let parsed = try TiseanCommandLine.parse(["-o", "-", "-V0"])
        #expect(parsed.options.outputName == nil)
        #expect(parsed.warnings.count == 1)
        #expect(parsed.options.candidates == ["-"])
    }

    @Test("options are scanned in TISEAN's fixed order and -V0's token is used in place, so -o has no name and x.dat stays the data")
    func fixedScanOrder() throws {
        let parsed = try TiseanCommandLine.parse(["-o", "-V0", "x.dat"])
        #expect(parsed.options.outputName == nil)
        #expect(parsed.options.verbosity == 0)
        #expect(parsed.options.candidates == ["x.dat"])
    }

    @Test("-o takes an attached or a separate name")
    func outputName() throws {
        #expect(try TiseanCommandLine.parse(["-oa.out"]).options.outputName == "a.out")
        #expect(try TiseanCommandLine.parse(["-o", "b.out", "in"]).options.outputName == "b.out")
    }

    @Test("a non-digit unsigned value exits 13", arguments: ["-m2x", "-l-1", "-s+3", "-x1.0"])
    func badUnsigned(_ token: String) {
        #expect(throws: TiseanCommandLine.Failure(
            message: "Wrong type of parameter for flag -\(token.dropFirst().prefix(1)). Has to be an unsigned integer",
            status: 13)) { try TiseanCommandLine.parse([token]) }
    }

    @Test("a float with trailing text exits 15")
    func badFloat() {
        #expect(throws: TiseanCommandLine.Failure(message: "Wrong type of parameter for flag -r. Has to be a float", status: 15)) {
            try TiseanCommandLine.parse(["-r1.5x"])
        }
    }

    @Test("an option without a value as the last token exits 17")
    func missingValue() {
        #expect(throws: TiseanCommandLine.Failure(message: "The option -m needs some value. Exiting!", status: 17)) {
            try TiseanCommandLine.parse(["-V0", "in.dat", "-m"])
        }
    }

    @Test("any token starting with -h asks for help")
    func help() {
        #expect(TiseanCommandLine.asksForHelp(["-m2", "-help"]))
        #expect(!TiseanCommandLine.asksForHelp(["-m2", "h.dat"]))
    }

    @Test("floats parse as C %lf: exponent, hex, inf")
    func floatForms() {
        #expect(TiseanCommandLine.parseFloat("1e-3") == 1e-3)
        #expect(TiseanCommandLine.parseFloat("0x1p-2") == 0.25)
        #expect(TiseanCommandLine.parseFloat("inf") == .infinity)
        #expect(TiseanCommandLine.parseFloat("") == nil)
    }
}

@Suite("data source resolution")
struct SourceResolutionTests {
    @Test("candidates are tried from the last backwards; a name,N suffix selects the column")
    func resolution() throws {
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("a.dat").path
        try "1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let console = Console(.buffers)
        #expect(LyapRProgram.resolveSource([path + ",3", folder.path + "/missing"], console: console) == .file(path: path, column: 3))
        #expect(LyapRProgram.resolveSource([path, "-"], console: console) == .standardInput)
        #expect(LyapRProgram.resolveSource([folder.path + "/missing"], console: console) == .standardInput)
        #expect(console.capturedError == "File \(folder.path)/missing not found!\nFile \(folder.path)/missing not found!\n")
        try FileManager.default.removeItem(at: folder)
    }
}

@Suite("lyap_r with a NaN radius")
struct NaNRadiusTests {
    @Test("-r with any NaN spelling strtod reads bounds nothing: the curve of a radius that covers the whole grid, exit 0",
          arguments: ["nan", "NAN", "-nan", "nan(123)"])
    func nanRadius(_ spelling: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var value = 0.3
        let series = (0..<400).map { _ in
            value = 3.9 * value * (1 - value)
            return String(format: "%.9f\n", value)
        }.joined()
        try Data(series.utf8).write(to: folder.appendingPathComponent("s.dat"))
        let wide = try TestSupport.run("lyap_r", ["-r1e300", "-V0", "-o", "wide.ros", "s.dat"], in: folder)
        let run = try TestSupport.run("lyap_r", ["-r", spelling, "-V0", "-o", "nan.ros", "s.dat"], in: folder)
        #expect(wide.status == 0 && run.status == 0, "\(run.standardError)")
        let curve = try Data(contentsOf: folder.appendingPathComponent("nan.ros"))
        let wideCurve = try Data(contentsOf: folder.appendingPathComponent("wide.ros"))
        #expect(!curve.isEmpty && curve == wideCurve)
    }
}
