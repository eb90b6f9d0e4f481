// "Select all on this page" for the proposed-occasions queue; without JavaScript the box stays hidden.
(() => {
    const all = document.getElementById('select-all');
    if (!all) return;
    const picks = () => document.querySelectorAll('#proposed-list input[name="ids"]');
    all.hidden = false;
    document.querySelector('label[for="select-all"]').hidden = false;
    all.addEventListener('change', () => picks().forEach(p => { p.checked = all.checked; }));
    picks().forEach(p => p.addEventListener('change', () => {
        const boxes = [...picks()];
        all.checked = boxes.every(b => b.checked);
        all.indeterminate = !all.checked && boxes.some(b => b.checked);
    }));
})();
