/** Fake custom XML parts (settings fallback). */
import {
  FakeClientResult,
  FakeCollection,
  type FakeContextCore,
  FakeObject,
  type PropDef,
  defineProps,
  invalidArgument,
  itemNotFound,
} from '../core';
import {
  type WorkbookModel,
  type XmlPartModel,
  newId,
} from '../model';

// ---------------------------------------------------------------- custom XML parts

interface PartT {
  wb: WorkbookModel;
  part: XmlPartModel;
}
interface ScopeT {
  wb: WorkbookModel;
  ns: string;
}

function namespaceOf(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<[A-Za-z_][\w.:-]*[^>]*?\sxmlns="([^"]*)"/.exec(xml);
  return m ? m[1]! : '';
}

function partProxy(ctx: FakeContextCore, wb: WorkbookModel, part: XmlPartModel): FakeCustomXmlPart {
  const p = new FakeCustomXmlPart(ctx);
  p._t = { wb, part };
  return p;
}

export class FakeCustomXmlPartCollection extends FakeCollection<WorkbookModel, FakeCustomXmlPart> {
  _items(wb: WorkbookModel): FakeCustomXmlPart[] {
    return wb.xmlParts.map((p) => partProxy(this.context, wb, p));
  }
  add(xml: string): FakeCustomXmlPart {
    return this._method(new FakeCustomXmlPart(this.context), [xml], (wb) => {
      if (!xml.trim().startsWith('<')) throw invalidArgument('XML');
      const part = { id: newId('xml'), namespaceUri: namespaceOf(xml), xml };
      wb.xmlParts.push(part);
      return { wb, part };
    });
  }
  getByNamespace(ns: string): FakeCustomXmlPartScopedCollection {
    return this._method(new FakeCustomXmlPartScopedCollection(this.context), [ns], (wb) => ({ wb, ns }));
  }
  getItem(id: string): FakeCustomXmlPart {
    return this._method(new FakeCustomXmlPart(this.context), [id], (wb) => {
      const part = wb.xmlParts.find((p) => p.id === id);
      if (!part) throw itemNotFound(`custom XML part '${id}'`);
      return { wb, part };
    });
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this._method(new FakeCustomXmlPart(this.context), [id], (wb) => {
      const part = wb.xmlParts.find((p) => p.id === id);
      return part ? { wb, part } : null;
    });
  }
}

export class FakeCustomXmlPartScopedCollection extends FakeCollection<ScopeT, FakeCustomXmlPart> {
  _items(t: ScopeT): FakeCustomXmlPart[] {
    return t.wb.xmlParts.filter((p) => p.namespaceUri === t.ns).map((p) => partProxy(this.context, t.wb, p));
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return this._method(new FakeCustomXmlPart(this.context), [], (t) => {
      const hits = t.wb.xmlParts.filter((p) => p.namespaceUri === t.ns);
      return hits.length === 1 ? { wb: t.wb, part: hits[0]! } : null;
    });
  }
  getCount(): FakeClientResult<number> {
    return this._result([], (t) => t.wb.xmlParts.filter((p) => p.namespaceUri === t.ns).length);
  }
}

export class FakeCustomXmlPart extends FakeObject<PartT> {
  declare readonly id: string;
  declare readonly namespaceUri: string;
  override _check(t: PartT): void {
    if (!t.wb.xmlParts.includes(t.part)) throw itemNotFound('custom XML part (deleted)');
  }
  _props(): Record<string, PropDef<PartT>> {
    return { id: { get: (t) => t.part.id }, namespaceUri: { get: (t) => t.part.namespaceUri } };
  }
  getXml(): FakeClientResult<string> {
    return this._result([], (t) => t.part.xml);
  }
  setXml(xml: string): void {
    this._act([xml], (t) => {
      t.part.xml = xml;
      t.part.namespaceUri = namespaceOf(xml);
    });
  }
  delete(): void {
    this._act([], (t) => {
      t.wb.xmlParts = t.wb.xmlParts.filter((p) => p !== t.part);
    });
  }
}
defineProps(FakeCustomXmlPart, ['id', 'namespaceUri']);
