import Foundation
import Testing
import TestSupport

/// The reports and the pre-commit hook, read and run by the tools people use: sarif-tools, junitparser and
/// pre-commit (pinned in `scripts/tools-venv.sh`, installed into `.venv-tools` by `make test`), and `make install`.
@Suite("Interoperability: sarif-tools, junitparser, pre-commit, make install", .serialized)
struct InteropTests {
    /// `.venv-tools/bin/<tool>`, setting the venv up with `scripts/tools-venv.sh` when it is missing; fails if it cannot.
    static func tool(_ name: String) async throws -> String {
        let path = RepoPaths.root.appendingPathComponent(".venv-tools/bin/\(name)").path
        if !FileManager.default.isExecutableFile(atPath: path) {
            let setup = try await runProcess("bash", [RepoPaths.root.appendingPathComponent("scripts/tools-venv.sh").path], timeout: 900)
            guard setup.status == 0 else { throw TestSupportError("scripts/tools-venv.sh failed (\(setup.status)): \(setup.stderr)") }
        }
        return path
    }

    /// Every sample of samples/expected.json, linted once: its JSON summary.
    static func lintAll(extra: [String], in directory: URL) async throws -> ReportOutputTests.Summary {
        let samples = try ExpectedSample.all().map(\.url.path)
        let result = try await runPreflight(["lint", "--format", "json"] + extra + samples, currentDirectory: directory)
        #expect(result.status == 1, "\(result.stderr)")
        return try JSONDecoder().decode(ReportOutputTests.Report.self, from: result.stdoutData).summary
    }

    @Test("sarif summary counts as many errors and warnings as the lint found")
    func sarifTools() async throws {
        let sarif = try await Self.tool("sarif")
        let dir = try TemporaryDirectory(prefix: "interop-sarif")
        let summary = try await Self.lintAll(extra: ["--output", "sarif:\(dir.file("lint.sarif").path)"], in: RepoPaths.root)
        #expect(summary.errors > 0 && summary.warnings > 0)
        let result = try await runProcess(sarif, ["summary", dir.file("lint.sarif").path])
        #expect(result.status == 0, "\(result.stderr)")
        func count(_ level: String) -> Int? {
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("\(level): ") }
            return line.flatMap { Int($0.dropFirst(level.count + 2).trimmingCharacters(in: .whitespaces)) }
        }
        #expect(count("error") == summary.errors, "\(result.stdout)")
        #expect(count("warning") == summary.warnings, "\(result.stdout)")
        #expect(count("note") == 0)
    }

    @Test("junitparser reads one failure per failing file, and a test case per file")
    func junitParser() async throws {
        let python = try await Self.tool("python")
        let dir = try TemporaryDirectory(prefix: "interop-junit")
        let summary = try await Self.lintAll(extra: ["--output", "junit:\(dir.file("lint.xml").path)"], in: dir.url)
        let script = """
            import json, sys
            from junitparser import JUnitXml, Failure
            xml = JUnitXml.fromfile(sys.argv[1])
            cases = [case for suite in xml for case in suite]
            print(json.dumps({
                "suites": [suite.name for suite in xml],
                "cases": len(cases),
                "failures": sum(1 for case in cases for r in case.result if isinstance(r, Failure)),
                "passed": sum(1 for case in cases if case.is_passed),
                "with_output": sum(1 for case in cases if case.system_out),
            }))
            """
        let result = try await runProcess(python, ["-c", script, dir.file("lint.xml").path])
        #expect(result.status == 0, "\(result.stderr)")
        struct Parsed: Decodable { var suites: [String]; var cases: Int; var failures: Int; var passed: Int; var with_output: Int }
        let parsed = try JSONDecoder().decode(Parsed.self, from: result.stdoutData)
        #expect(parsed.suites == ["training-video"])
        #expect(parsed.cases == summary.files)
        #expect(parsed.failures == summary.failed)
        #expect(parsed.passed == summary.passed)
        #expect(parsed.with_output > 0, "files with warnings carry system-out")
    }

    /// Runs git quietly in `directory`, with an identity of its own.
    static func git(_ arguments: [String], in directory: URL, environment: [String: String]) async throws {
        let result = try await runProcess("git", ["-c", "user.name=Preflight Test", "-c", "user.email=test@example.invalid",
                                                  "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments,
                                          environment: environment, currentDirectory: directory)
        guard result.status == 0 else { throw TestSupportError("git \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
    }

    @Test("pre-commit run --all-files with the repository's hook fails on a failing sample and passes on a passing one")
    func preCommit() async throws {
        let preCommit = try await Self.tool("pre-commit")
        let dir = try TemporaryDirectory(prefix: "interop-pre-commit")
        let home = dir.file("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let binDir = RepoPaths.preflightBinary.deletingLastPathComponent().path
        let environment = [
            "HOME": home.path, "PRE_COMMIT_HOME": dir.file("cache").path, "XDG_CONFIG_HOME": home.path,
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "PATH": binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
        ]
        // The hook repository: this repository's .pre-commit-hooks.yaml, committed on its own.
        let hooks = dir.file("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepoPaths.root.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        try await Self.git(["init", "-q"], in: hooks, environment: environment)
        try await Self.git(["add", "."], in: hooks, environment: environment)
        try await Self.git(["commit", "-q", "-m", "hooks"], in: hooks, environment: environment)
        let rev = try await runProcess("git", ["rev-parse", "HEAD"], environment: environment, currentDirectory: hooks)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        func project(_ name: String, samples: [String]) async throws -> ProcessResult {
            let repo = dir.file(name)
            try FileManager.default.createDirectory(at: repo.appendingPathComponent("takes"), withIntermediateDirectories: true)
            for sample in samples {
                let source = RepoPaths.samples.appendingPathComponent(sample)
                try FileManager.default.copyItem(at: source, to: repo.appendingPathComponent("takes/\(source.lastPathComponent)"))
            }
            try await writeFile("notes, not media\n", to: repo.appendingPathComponent("README.txt"))
            let config = """
                repos:
                  - repo: \(hooks.path)
                    rev: \(rev)
                    hooks:
                      - id: preflight-lint
                      - id: preflight-lint-images
                """
            try await writeFile(config, to: repo.appendingPathComponent(".pre-commit-config.yaml"))
            try await Self.git(["init", "-q"], in: repo, environment: environment)
            try await Self.git(["add", "."], in: repo, environment: environment)
            return try await runProcess(preCommit, ["run", "--all-files", "--color", "never"], environment: environment,
                                        currentDirectory: repo)
        }

        func verdict(_ result: ProcessResult, hook: String) -> String? {
            result.stdout.split(separator: "\n").first { $0.hasPrefix(hook) }?.split(separator: ".").last.map(String.init)
        }
        let video = "preflight lint (MetaStudio training media)", image = "preflight lint (MetaStudio cover image)"
        let passing = try await project("passing", samples: ["pass/boundary-180s.mp4", "warn/fps-24.mp4", "roles/pass/cover.jpg"])
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(verdict(passing, hook: video) == "Passed", "\(passing.stdout)")
        #expect(verdict(passing, hook: image) == "Passed", "\(passing.stdout)")
        let failing = try await project("failing", samples: ["pass/boundary-180s.mp4", "fail/truncated.mp4", "roles/fail/cover-cut.jpg"])
        #expect(failing.status == 1, "\(failing.stdout)\(failing.stderr)")
        #expect(verdict(failing, hook: video) == "Failed", "\(failing.stdout)")
        #expect(verdict(failing, hook: image) == "Failed", "\(failing.stdout)")
        #expect(failing.stdout.contains("takes/cover-cut.jpg"))
        #expect(failing.stdout.contains("takes/truncated.mp4"))
        #expect(failing.stdout.contains("media.truncated"))
        #expect(!failing.stdout.contains("boundary-180s"), "--quiet leaves the passing take out")
    }

    @Test("make install PREFIX=… installs a runnable binary, a man page man renders, and three completions; uninstall removes them")
    func makeInstall() async throws {
        let dir = try TemporaryDirectory(prefix: "interop-install")
        let prefix = dir.file("prefix")
        let make = ["-C", RepoPaths.root.path, "--no-print-directory", "PREFIX=\(prefix.path)", "BIN=\(RepoPaths.preflightBinary.path)"]
        let install = try await runProcess("make", make + ["install"])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let binary = prefix.appendingPathComponent("bin/preflight").path
        let version = try await runProcess(binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)

        let page = prefix.appendingPathComponent("share/man/man1/preflight.1").path
        let man = try await runProcess("man", ["-l", page], environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100", "MAN_KEEP_FORMATTING": ""])
        #expect(man.status == 0, "\(man.stderr)")
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS"] { #expect(man.stdout.contains(heading)) }
        for text in ["preflight lint", "--output", "--quiet", "sarif", "Exit status"] {
            #expect(man.stdout.contains(text), "the man page shows \(text)")
        }
        #expect(!man.stdout.contains("generate-manual"), "the hidden command stays out of the page")
        let groff = try await runProcess("groff", ["-man", "-Tutf8", "-ww", "-z", page])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "groff warnings: \(groff.stderr)")

        let bash = prefix.appendingPathComponent("share/bash-completion/completions/preflight").path
        let zsh = prefix.appendingPathComponent("share/zsh/site-functions/_preflight").path
        let fish = prefix.appendingPathComponent("share/fish/vendor_completions.d/preflight.fish").path
        let bashCheck = try await runProcess("bash", ["-n", bash])
        #expect(bashCheck.status == 0, "\(bashCheck.stderr)")
        let bashScript = String(decoding: try await readFile(URL(fileURLWithPath: bash)), as: UTF8.self)
        #expect(bashScript.contains("complete") && bashScript.contains("--output"))
        #expect(String(decoding: try await readFile(URL(fileURLWithPath: zsh)), as: UTF8.self).hasPrefix("#compdef preflight"))
        #expect(String(decoding: try await readFile(URL(fileURLWithPath: fish)), as: UTF8.self).contains("complete -c 'preflight'"))
        // The bash completion offers lint's options (bash-completion turns extglob on before it sources a completion).
        let complete = try await runProcess("bash", ["-O", "extglob", "-c", """
            source "$1"; COMP_WORDS=(preflight lint --ou); COMP_CWORD=2; COMP_LINE="preflight lint --ou"; COMP_POINT=${#COMP_LINE}
            _preflight preflight --ou lint; printf '%s\\n' "${COMPREPLY[@]}"
            """, "bash", bash], environment: ["PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"])
        #expect(complete.stdout.split(separator: "\n") == ["--output"], "\(complete.stdout)\(complete.stderr)")

        let uninstall = try await runProcess("make", make + ["uninstall"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        for path in [binary, page, bash, zsh, fish] { #expect(!FileManager.default.fileExists(atPath: path), "\(path) removed") }
    }

    /// A stand-in for GitHub's code-scanning upload endpoint: prints its port, then records each POST in a JSON file.
    static let fakeCodeScanning = """
        import base64, gzip, http.server, json, sys
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                sarif = json.loads(gzip.decompress(base64.b64decode(body["sarif"])))
                with open(sys.argv[1], "w") as out:
                    json.dump({"path": self.path, "authorized": self.headers.get("Authorization") == "Bearer " + sys.argv[2],
                               "commit": body["commit_sha"], "ref": body["ref"],
                               "results": len(sarif["runs"][0]["results"])}, out)
                self.send_response(202)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    @Test("the CI shell snippet lints, uploads the SARIF without showing the token, and exits with the lint's status")
    func ciShellSnippet() async throws {
        let python = try await Self.tool("python")
        let dir = try TemporaryDirectory(prefix: "interop-ci")
        let token = "test-token-\(UUID().uuidString)"
        let server = try await ChildProcess.start(python, ["-c", Self.fakeCodeScanning, dir.file("upload.json").path, token])
        defer { server.send(SIGKILL) }
        let port = try #require(await server.firstLine())
        let script = RepoPaths.root.appendingPathComponent("examples/ci/lint-and-upload-sarif.sh").path
        let binDir = RepoPaths.preflightBinary.deletingLastPathComponent().path
        func run(_ media: String, token: String?) async throws -> ProcessResult {
            var environment = [
                "MEDIA_DIR": RepoPaths.samples.appendingPathComponent(media).path,
                "GITHUB_API_URL": "http://127.0.0.1:\(port)", "GITHUB_REPOSITORY": "studio/takes",
                "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567", "GITHUB_REF": "refs/heads/main",
                "PATH": binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "NO_COLOR": "1", "GITHUB_TOKEN": token ?? "",
            ]
            environment["BASH_XTRACEFD"] = nil
            return try await runProcess("bash", ["-x", script], environment: environment, currentDirectory: dir.url)
        }
        struct Upload: Decodable { var path: String; var authorized: Bool; var commit: String; var ref: String; var results: Int }

        let failing = try await run("fail", token: token)
        #expect(failing.status == 1, "\(failing.stderr)")
        #expect(!(failing.stdout + failing.stderr).contains(token), "the token never shows, even under bash -x")
        let upload = try JSONDecoder().decode(Upload.self, from: await readFile(dir.file("upload.json")))
        #expect(upload.path == "/repos/studio/takes/code-scanning/sarifs")
        #expect(upload.authorized)
        #expect(upload.ref == "refs/heads/main")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("preflight.sarif"))) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(upload.results == results.count && !results.isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir.file("preflight.xml").path))

        try FileManager.default.removeItem(at: dir.file("upload.json"))
        let passing = try await run("pass", token: nil)
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("upload.json").path), "no token, no upload")

        server.send(SIGKILL)
        _ = await server.exit()
        let unreachable = try await run("pass", token: token)
        #expect(unreachable.status == 3, "a failed upload fails the job with its own status")
        #expect(unreachable.stderr.contains("uploading preflight.sarif failed"))
        #expect(!(unreachable.stdout + unreachable.stderr).contains(token))
    }
}
