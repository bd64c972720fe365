export function OptionsApp() {
  return (
    <main>
      <h1>Caspian Lens settings</h1>
    </main>
  );
}
