export function LibraryApp() {
  return (
    <main>
      <h1>Saved snippets</h1>
      <p>No snippets yet.</p>
    </main>
  );
}
