// Verifies an event's inclusion in the signed tree in the browser (RFC 9162 §2.1.3.2): the path from the leaf hash is
// folded with SHA-256(0x01 || left || right) and the root compared with the signed checkpoint's. Needs the script;
// without it the page still shows the history and the signed root.
"use strict";

(function () {
  const checkpoint = document.getElementById("checkpoint");
  if (!checkpoint) { return; }

  const fromHex = hex => new Uint8Array(hex.match(/../g).map(b => parseInt(b, 16)));
  const toHex = bytes => Array.from(new Uint8Array(bytes), b => b.toString(16).padStart(2, "0")).join("");

  async function node(left, right) {
    const joined = new Uint8Array(1 + left.length + right.length);
    joined[0] = 0x01;
    joined.set(left, 1);
    joined.set(right, 1 + left.length);
    return new Uint8Array(await crypto.subtle.digest("SHA-256", joined));
  }

  // RFC 9162 §2.1.3.2, step by step.
  async function rootFromInclusion(leafIndex, treeSize, leafHash, path) {
    if (leafIndex >= treeSize) { throw new Error("the leaf index is beyond the tree"); }
    let fn = leafIndex, sn = treeSize - 1, r = leafHash;
    for (const p of path) {
      if (sn === 0) { throw new Error("the path is longer than the tree is deep"); }
      if (fn % 2 === 1 || fn === sn) {
        r = await node(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await node(r, p);
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    if (sn !== 0) { throw new Error("the path is shorter than the tree is deep"); }
    return r;
  }

  async function verify(button) {
    const result = button.nextElementSibling;
    result.textContent = "checking…";
    const treeSize = Number(checkpoint.dataset.treeSize);
    const response = await fetch("/history?handler=proof&position=" + button.dataset.position + "&treeSize=" + treeSize, { credentials: "same-origin" });
    const proof = await response.json();
    if (!response.ok) { result.textContent = "No proof: " + proof.error; return; }
    const root = await rootFromInclusion(proof.leafIndex, proof.treeSize, fromHex(proof.leafHash), proof.hashes.map(fromHex));
    const verified = toHex(root) === checkpoint.dataset.root;
    result.textContent = verified
      ? "Verified: the recomputed root equals the signed root"
      : "NOT verified: the recomputed root " + toHex(root) + " differs from the signed root";
    result.dataset.verified = String(verified);
  }

  document.querySelectorAll("button.verify").forEach(button => button.addEventListener("click", () => {
    verify(button).catch(error => { button.nextElementSibling.textContent = "Could not verify: " + error.message; });
  }));
})();
