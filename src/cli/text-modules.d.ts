// tsup bundles .txt files as strings (loader "text"): the embedded example for `extract --example`.
declare module '*.txt' {
  const text: string;
  export default text;
}
